/*
 * wire_socket.h - the runner's socket, for the three places that open it:
 * the grader binds and listens (grader/core/run.c), a judge's test connects
 * (grader/suites/proxy_call.c), `make check`'s judge and the benchmark bind
 * their own (proxy_local.c, bench/boundary.c).  Header-only: the grader
 * does not link the wire codec.
 */
#ifndef GRADER_WIRE_SOCKET_H
#define GRADER_WIRE_SOCKET_H

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

/*
 * A close-on-exec SOCK_SEQPACKET socket, with *address set to path; -1
 * with errno set (ENAMETOOLONG when path does not fit an address).
 */
static inline int wire_socket(const char *path, struct sockaddr_un *address)
{
	memset(address, 0, sizeof *address);
	address->sun_family = AF_UNIX;
	if (strlen(path) >= sizeof address->sun_path) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(address->sun_path, path);
	return socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
}

#endif /* GRADER_WIRE_SOCKET_H */
