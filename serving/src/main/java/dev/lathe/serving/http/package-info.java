/** The scoring server's transport: HTTP/1.1 on Netty's event loops, dispatching to the server module's routes. */
package dev.lathe.serving.http;
