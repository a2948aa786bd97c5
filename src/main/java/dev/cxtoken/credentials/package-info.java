/** Finding credential pairs: settings.xml servers, environment variables and their _FILE forms, and where each value came from. Knows nothing of HTTP. */
package dev.cxtoken.credentials;
