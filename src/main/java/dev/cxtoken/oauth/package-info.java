/** RFC 6749 on top of one exchange: token requests and responses, client authentication methods, and refusals as data. Knows nothing of providers or Maven. */
package dev.cxtoken.oauth;
