#ifndef ECSH_CMICROHTTPD_SHIM_H
#define ECSH_CMICROHTTPD_SHIM_H
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <stdint.h>
#include <stdarg.h>
#include <microhttpd.h>

/* Swift cannot call C variadic functions: typed wrappers for the few calls the server makes. */

typedef void *(*ecsh_mhd_uri_log_callback)(void *context, const char *uri, struct MHD_Connection *connection);

/* Starts a daemon with the raw-URI and request-completed callbacks, plus any further options given
   as an array terminated by {MHD_OPTION_END, 0, NULL}. */
static inline struct MHD_Daemon *ecsh_mhd_start_daemon(
    unsigned int flags, uint16_t port,
    MHD_AccessHandlerCallback handler, void *handler_context,
    ecsh_mhd_uri_log_callback uri_log, void *uri_log_context,
    MHD_RequestCompletedCallback completed, void *completed_context,
    struct MHD_OptionItem *options) {
    return MHD_start_daemon(flags, port, NULL, NULL, handler, handler_context,
                            MHD_OPTION_URI_LOG_CALLBACK, uri_log, uri_log_context,
                            MHD_OPTION_NOTIFY_COMPLETED, completed, completed_context,
                            MHD_OPTION_ARRAY, options,
                            MHD_OPTION_END);
}

/* The port the daemon listens on (useful after binding port 0), or 0. */
static inline uint16_t ecsh_mhd_bound_port(struct MHD_Daemon *daemon) {
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(daemon, MHD_DAEMON_INFO_BIND_PORT);
    return info == NULL ? 0 : info->port;
}

/* The client's address as text into `buffer` and its port; returns 0 on success, -1 if unknown. */
static inline int ecsh_mhd_client_address(struct MHD_Connection *connection, char *buffer, socklen_t size,
                                          uint16_t *port) {
    const union MHD_ConnectionInfo *info = MHD_get_connection_info(connection, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (info == NULL || info->client_addr == NULL) return -1;
    const struct sockaddr *address = info->client_addr;
    if (address->sa_family == AF_INET) {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)address;
        *port = ntohs(v4->sin_port);
        return inet_ntop(AF_INET, &v4->sin_addr, buffer, size) == NULL ? -1 : 0;
    }
    if (address->sa_family == AF_INET6) {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)address;
        *port = ntohs(v6->sin6_port);
        return inet_ntop(AF_INET6, &v6->sin6_addr, buffer, size) == NULL ? -1 : 0;
    }
    return -1;
}
#endif
