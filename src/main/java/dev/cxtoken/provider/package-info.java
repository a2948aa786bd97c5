/** One type per token server (Genesys Cloud, NICE CXone, any OAuth 2.0 server): its endpoint rules, credential places, request, refusal hints and API base URL. Knows nothing of Maven. */
package dev.cxtoken.provider;
