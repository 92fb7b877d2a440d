/*
 * proxy.h - the judge's side of the boundary: the contract functions the
 * suites call are proxies (proxy.c, generated from wire_contract.def) that
 * send their inputs to a runner process and read the outputs back
 * (proxy_call.c).  No student code is ever mapped into a suite program.
 *
 * Each test runs in its own Criterion worker; on its first call the worker
 * connects to the runner's socket (the path in WB_RUNNER_SOCKET) and the
 * runner forks a fresh child for it alone.  Without WB_RUNNER_SOCKET
 * (listing the tests) every function is missing.  With WB_RUNNER instead
 * (make check), the judge starts that runner itself, unsandboxed
 * (proxy_local.c).
 */
#ifndef WB_PROXY_H
#define WB_PROXY_H

#include <stdbool.h>

#include "wire.h"

/*
 * Message prefixes the reporter turns into outcomes (reporter.c): the
 * function's process ended with a signal, or exited, during the call.
 * What follows the prefix is the message shown.
 */
#define WB_PROXY_CRASHED "[wb:crashed:"		/* + "N] message" */
#define WB_PROXY_EXITED "[wb:exited:"		/* + "N] message" */
/*
 * What the student's code printed during a test travels to the reporter
 * as passing assertions whose message is this prefix and the text (at
 * most WIRE_OUTPUT_KEPT_BYTES of it in all): data for the report, never
 * a verdict (only failing assertions decide one).
 */
#define WB_PROXY_OUTPUT "[wb:output]"

/* Whether the student's file defines the contract function `name`. */
bool wb_proxy_defined(const char *name);

/*
 * Sends one call and waits for its answer, evaluating callbacks on the
 * way; returns the function's value (0 for a void function).  A crash, an
 * exit, a write outside an array, a call of workbook_todo() or a malformed
 * answer records the failure and ends the test (wb_probing: a stub's
 * answer is NaN instead).
 */
double wb_proxy_call(struct wire_call *call);

#endif /* WB_PROXY_H */
