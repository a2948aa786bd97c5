/** One bounded HTTP exchange over Apache HttpClient 5: deadline, retries and Retry-After, bounded bodies, no redirects, proxy route, quiet connections, TLS, and redaction of everything a server says. Knows nothing of OAuth, parameters or Maven. */
package dev.cxtoken.http;
