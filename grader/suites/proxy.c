/*
 * proxy.c - one proxy per contract function, generated from
 * wire_contract.def: it describes its arguments and hands the call to
 * wb_proxy_call.  workbook.h is included, so a proxy whose signature
 * drifted from the contract does not compile.
 */
#include "proxy.h"

#include <string.h>

#include "wire_map.h"

static void add(struct wire_call *call, enum wire_arg_kind kind,
		const char *name, uint64_t count)
{
	struct wire_arg *a = &call->args[call->nargs++];

	memset(a, 0, sizeof *a);
	a->kind = kind;
	a->name = name;
	a->count = count;
}

/* The token the runner's f receives as ctx; any other value is refused. */
#define PROXY_CTX_TOKEN UINT64_C(0x5eedc0de)

#define PROXY_ADD(kind, name, length)                                         \
	add(&call, WIRE_ARG_##kind, #name, PROXY_COUNT_##kind(length));       \
	PROXY_SET_##kind(call.args[call.nargs - 1], name);
#define PROXY_COUNT_DOUBLE(length) 0
#define PROXY_COUNT_SIZE(length) 0
#define PROXY_COUNT_CTX(length) 0
#define PROXY_COUNT_IN(length) (length)
#define PROXY_COUNT_OUT(length) (length)
#define PROXY_COUNT_OPT(length) (length)
#define PROXY_COUNT_INOUT(length) (length)
#define PROXY_COUNT_LABELS(length) (length)
#define PROXY_COUNT_FN(length) (length)
#define PROXY_SET_DOUBLE(a, name) a.number = name
#define PROXY_SET_SIZE(a, name) a.size = name
#define PROXY_SET_IN(a, name) a.in = name
#define PROXY_SET_OUT(a, name) a.out = name
#define PROXY_SET_OPT(a, name) a.out = name
#define PROXY_SET_INOUT(a, name) (a.in = name, a.out = name)
#define PROXY_SET_LABELS(a, name) a.in = name
#define PROXY_SET_FN(a, name) a.fn = name
#define PROXY_SET_CTX(a, name) (a.ctx = name, a.size = PROXY_CTX_TOKEN)

#define PROXY_RETURN_DOUBLE(value) return value
#define PROXY_RETURN_VOID(value) (void)(value)

#define WIRE_FUNCTION(name, returns, ...)                                     \
	WIRE_TYPE_##returns name(WIRE_MAP_LIST(WIRE_DECL, __VA_ARGS__))       \
	{                                                                     \
		struct wire_call call = { .function = WIRE_ID_##name };       \
		WIRE_MAP(PROXY_ADD, __VA_ARGS__)                              \
		PROXY_RETURN_##returns(wb_proxy_call(&call));                 \
	}
#include "wire_contract.def"
#undef WIRE_FUNCTION
