package dev.cxtoken.testing;

import dev.cxtoken.TokenLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Keeps every line logged, to assert on them. */
public final class RecordingLog implements TokenLog {
    public final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String message) {
        lines.add("INFO " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void debug(String message) {
        lines.add("DEBUG " + message);
    }

    public long warnings() {
        return lines.stream().filter(l -> l.startsWith("WARN ")).count();
    }

    /** The lines without the DEBUG ones, which the goal writes about its route. */
    public List<String> visible() {
        List<String> shown = new ArrayList<>();
        synchronized (lines) {
            for (String line : lines) {
                if (!line.startsWith("DEBUG ")) {
                    shown.add(line);
                }
            }
        }
        return shown;
    }

    public String all() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }
}
