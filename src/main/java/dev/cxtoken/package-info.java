/** The shared vocabulary of every layer: secrets that never print themselves, the log seam, the monotonic clock, URL rules and the exception family whose messages say what happened, where, and what to change. */
package dev.cxtoken;
