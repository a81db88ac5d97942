#ifndef ADVOCATE_CZEROMQ_SHIM_H
#define ADVOCATE_CZEROMQ_SHIM_H

#include <zmq.h>
#include <errno.h>

/// errno values that libzmq reports as macros Swift cannot import directly.
static inline int czmq_eagain(void) { return EAGAIN; }
static inline int czmq_eintr(void) { return EINTR; }
static inline int czmq_eterm(void) { return ETERM; }
static inline int czmq_ehostunreach(void) { return EHOSTUNREACH; }
static inline int czmq_emsgsize(void) { return EMSGSIZE; }
static inline int czmq_enotsock(void) { return ENOTSOCK; }
static inline int czmq_errno(void) { return zmq_errno(); }

#endif
