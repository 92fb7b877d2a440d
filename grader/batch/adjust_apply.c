/*
 * adjust_apply.c - what the adjustments file makes of a student's row: the
 * late penalty's arithmetic and the section of the feedback page that
 * explains it.
 */
#include "adjust.h"

#include <inttypes.h>

#include "report/feedback.h"

enum { DAY_SECONDS = 86400 };

/* An amount in hundredths of a point; a percent is of max points. */
static int64_t points_of(const struct adjust_amount *amount, size_t max)
{
	if (!amount->percent)
		return amount->centi;
	/* max points * percent/100, in hundredths, rounded half up. */
	return ((int64_t)max * amount->centi + 50) / 100;
}

/* Days started after the due time, when past the grace period. */
static int64_t days_late(const struct adjust_late *late, int64_t due,
			 int64_t submitted)
{
	int64_t after;

	/* Times come from archives: any value at all. */
	if (__builtin_sub_overflow(submitted, due, &after))
		after = submitted > due ? INT64_MAX : INT64_MIN;
	if (after <= late->grace)
		return 0;
	return after / DAY_SECONDS + (after % DAY_SECONDS != 0);
}

static int64_t late_penalty(const struct adjust_late *late, int64_t days,
			    size_t max)
{
	int64_t per_day = points_of(&late->penalty, max);
	int64_t most = late->has_cap ? points_of(&late->cap, max) : INT64_MAX;
	int64_t penalty;

	/* Times of far-off years must not overflow. */
	if (per_day && days > most / per_day)
		return most;
	penalty = days * per_day;
	return penalty < most ? penalty : most;
}

void adjust_apply(const struct adjust_file *file,
		  const struct adjust_student *student, size_t raw, size_t max,
		  bool timed, int64_t submitted, struct adjust_outcome *out)
{
	int64_t base;

	out->raw = (int64_t)raw * 100;
	out->adjustment = 0;
	for (size_t i = 0; student && i < student->nr_changes; i++)
		out->adjustment += student->changes[i].centi;
	base = out->raw + out->adjustment;
	if (base < 0)
		base = 0;
	out->late_known = file->late.set && timed && max > 0;
	out->due = student && student->has_extension ? student->extension :
		   file->late.due;
	out->late_days = 0;
	out->late_penalty = 0;
	if (out->late_known) {
		out->late_days = days_late(&file->late, out->due, submitted);
		out->late_penalty = late_penalty(&file->late, out->late_days,
						 max);
		if (out->late_penalty > base)
			out->late_penalty = base;
	}
	out->final = base - out->late_penalty;
}

static void add_signed(struct strbuf *out, int64_t centi)
{
	if (centi > 0)
		strbuf_addch(out, '+');
	adjust_format_centi(out, centi);
}

/* As the file writes it: "1h30m", "15m", "2d". */
static void add_duration(struct strbuf *out, int64_t seconds)
{
	static const struct {
		int64_t size;
		char unit;
	} units[] = { { DAY_SECONDS, 'd' }, { 3600, 'h' }, { 60, 'm' },
		      { 1, 's' } };

	for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
		if (seconds >= units[i].size) {
			strbuf_addf(out, "%" PRId64 "%c", seconds /
				    units[i].size, units[i].unit);
			seconds %= units[i].size;
		}
	}
}

static void add_late_row(const struct adjust_file *file,
			 const struct adjust_outcome *outcome,
			 int64_t submitted, struct strbuf *out)
{
	int offset = file->late.due_offset;

	strbuf_addf(out, "| late penalty: handed in ");
	adjust_format_time(out, submitted, offset);
	strbuf_addf(out, ", %" PRId64 " day%s late (due ", outcome->late_days,
		    outcome->late_days == 1 ? "" : "s");
	adjust_format_time(out, outcome->due, offset);
	if (file->late.grace) {
		strbuf_addstr(out, ", grace ");
		add_duration(out, file->late.grace);
	}
	strbuf_addstr(out, ") | ");
	add_signed(out, -outcome->late_penalty);
	strbuf_addstr(out, " |\n");
}

static void add_table(const struct adjust_file *file,
		      const struct adjust_student *student,
		      const struct adjust_outcome *outcome, int64_t submitted,
		      struct strbuf *out)
{
	strbuf_addstr(out, "| | points |\n|---|---:|\n| tests passed | ");
	adjust_format_centi(out, outcome->raw);
	strbuf_addstr(out, " |\n");
	for (size_t i = 0; student && i < student->nr_changes; i++) {
		strbuf_addstr(out, "| adjustment: ");
		feedback_add_escaped(out, student->changes[i].reason);
		strbuf_addstr(out, " | ");
		add_signed(out, student->changes[i].centi);
		strbuf_addstr(out, " |\n");
	}
	if (outcome->late_days > 0)
		add_late_row(file, outcome, submitted, out);
	strbuf_addstr(out, "| **final score** | **");
	adjust_format_centi(out, outcome->final);
	strbuf_addstr(out, "** |\n\n");
}

void adjust_feedback_section(const struct adjust_file *file,
			     const struct adjust_student *student,
			     const struct adjust_outcome *outcome,
			     int64_t submitted, struct strbuf *out)
{
	bool changed = (student && student->nr_changes) ||
		       outcome->late_days > 0;

	if (!changed && !(student && (student->nr_comments ||
				      student->has_extension)))
		return;
	strbuf_addstr(out, ADJUST_SECTION_MARK "\n");
	if (changed)
		add_table(file, student, outcome, submitted, out);
	if (student && student->has_extension) {
		strbuf_addstr(out, "Your due time was extended to ");
		adjust_format_time(out, student->extension,
				   file->late.due_offset);
		strbuf_addstr(out, outcome->late_known && outcome->late_days == 0 ?
			      "; you handed in on time.\n\n" : ".\n\n");
	}
	for (size_t i = 0; student && i < student->nr_comments; i++) {
		feedback_add_escaped(out, student->comments[i]);
		strbuf_addstr(out, "\n\n");
	}
}
