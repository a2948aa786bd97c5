/** Handing the token on: project properties, the token file, CI log masking, and the execution's summary line. Knows nothing of HTTP. */
package dev.cxtoken.publish;
