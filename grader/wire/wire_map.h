/*
 * wire_map.h - applying a macro to each (KIND, name, length) tuple of a
 * wire_contract.def entry: WIRE_MAP(m, ...) expands to m(t1) m(t2) ...,
 * WIRE_MAP_LIST(m, ...) to m(t1), m(t2), ... (a parameter or argument
 * list).  Up to WIRE_MAX_ARGS tuples.
 */
#ifndef GRADER_WIRE_MAP_H
#define GRADER_WIRE_MAP_H

/*
 * Arguments of a contract signature: at least the longest one of
 * include/curriculum.def (a longer one does not compile: WIRE_COUNT
 * counts to 10), at most what WIRE_MAP can expand (WIRE_MAP_10).
 */
#define WIRE_MAX_ARGS 10

#define WIRE_CAT(a, b) WIRE_CAT_(a, b)
#define WIRE_CAT_(a, b) a##b
#define WIRE_COUNT(...) WIRE_COUNT_(__VA_ARGS__, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define WIRE_COUNT_(a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, count, ...) \
	count

#define WIRE_MAP(m, ...) WIRE_CAT(WIRE_MAP_, WIRE_COUNT(__VA_ARGS__))(m, __VA_ARGS__)
#define WIRE_MAP_LIST(m, ...) \
	WIRE_CAT(WIRE_LIST_, WIRE_COUNT(__VA_ARGS__))(m, __VA_ARGS__)

#define WIRE_MAP_1(m, t) m t
#define WIRE_MAP_2(m, t, ...) m t WIRE_MAP_1(m, __VA_ARGS__)
#define WIRE_MAP_3(m, t, ...) m t WIRE_MAP_2(m, __VA_ARGS__)
#define WIRE_MAP_4(m, t, ...) m t WIRE_MAP_3(m, __VA_ARGS__)
#define WIRE_MAP_5(m, t, ...) m t WIRE_MAP_4(m, __VA_ARGS__)
#define WIRE_MAP_6(m, t, ...) m t WIRE_MAP_5(m, __VA_ARGS__)
#define WIRE_MAP_7(m, t, ...) m t WIRE_MAP_6(m, __VA_ARGS__)
#define WIRE_MAP_8(m, t, ...) m t WIRE_MAP_7(m, __VA_ARGS__)
#define WIRE_MAP_9(m, t, ...) m t WIRE_MAP_8(m, __VA_ARGS__)
#define WIRE_MAP_10(m, t, ...) m t WIRE_MAP_9(m, __VA_ARGS__)

#define WIRE_LIST_1(m, t) m t
#define WIRE_LIST_2(m, t, ...) m t, WIRE_LIST_1(m, __VA_ARGS__)
#define WIRE_LIST_3(m, t, ...) m t, WIRE_LIST_2(m, __VA_ARGS__)
#define WIRE_LIST_4(m, t, ...) m t, WIRE_LIST_3(m, __VA_ARGS__)
#define WIRE_LIST_5(m, t, ...) m t, WIRE_LIST_4(m, __VA_ARGS__)
#define WIRE_LIST_6(m, t, ...) m t, WIRE_LIST_5(m, __VA_ARGS__)
#define WIRE_LIST_7(m, t, ...) m t, WIRE_LIST_6(m, __VA_ARGS__)
#define WIRE_LIST_8(m, t, ...) m t, WIRE_LIST_7(m, __VA_ARGS__)
#define WIRE_LIST_9(m, t, ...) m t, WIRE_LIST_8(m, __VA_ARGS__)
#define WIRE_LIST_10(m, t, ...) m t, WIRE_LIST_9(m, __VA_ARGS__)

/*
 * The C declaration of a parameter of each kind, and of each return type:
 * a proxy's parameter list (proxy.c), the contract header's declarations
 * (tools/curriculum.c writes them into include/workbook.h).
 */
#define WIRE_DECL(kind, name, length) WIRE_DECL_##kind(name)
#define WIRE_DECL_DOUBLE(name) double name
#define WIRE_DECL_SIZE(name) size_t name
#define WIRE_DECL_IN(name) const double *name
#define WIRE_DECL_OUT(name) double *name
#define WIRE_DECL_OPT(name) double *name
#define WIRE_DECL_INOUT(name) double *name
#define WIRE_DECL_LABELS(name) const size_t *name
#define WIRE_DECL_FN(name) scalar_fn name
#define WIRE_DECL_CTX(name) void *name
#define WIRE_TYPE_DOUBLE double
#define WIRE_TYPE_VOID void

#endif /* GRADER_WIRE_MAP_H */
