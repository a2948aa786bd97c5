/** The build-wide token cache, the memo for discovered documents, and the service that joins credentials, provider and cache. Knows nothing of Maven. */
package dev.cxtoken.token;
