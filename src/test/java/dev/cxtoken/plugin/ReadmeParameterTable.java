package dev.cxtoken.plugin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the rows of every Markdown table in the parameters page ({@link #PAGE}) whose header starts with
 * {@code | parameter | user property | default |}, so that rows added anywhere, in any such table, are checked.
 */
final class ReadmeParameterTable {
    /** The manual page that holds the parameter table, once the README's. */
    static final String PAGE = "src/site/markdown/parameters.md";
    private static final Pattern HEADER =
            Pattern.compile("^\\|\\s*parameter\\s*\\|\\s*user property\\s*\\|\\s*default\\s*\\|.*", Pattern.CASE_INSENSITIVE);
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    /** One row of a parameter table. */
    static final class Row {
        final int line;
        final String name;
        /** The user property, or null when the cell says "none". */
        final String property;
        final String defaultCell;
        /** The default when the cell is exactly one code literal; null when it says "none" or describes a derivation. */
        final String literalDefault;

        private Row(int line, String name, String property, String defaultCell) {
            this.line = line;
            this.name = name;
            this.property = property;
            this.defaultCell = defaultCell;
            this.literalDefault = code(defaultCell);
        }
    }

    private ReadmeParameterTable() {}

    /** Rows by parameter name. */
    static Map<String, Row> read(String markdown) {
        String[] lines = markdown.split("\r?\n", -1);
        Map<String, Row> rows = new TreeMap<>();
        boolean sawTable = false;
        for (int i = 0; i < lines.length; i++) {
            if (!HEADER.matcher(lines[i].trim()).matches()) {
                continue;
            }
            sawTable = true;
            i++; // the |---| separator
            while (i + 1 < lines.length && lines[i + 1].trim().startsWith("|")) {
                i++;
                Row row = row(i + 1, lines[i]);
                if (rows.put(row.name, row) != null) {
                    throw new IllegalStateException(
                            "parameters.md line " + row.line + ": `" + row.name + "` is documented twice");
                }
            }
        }
        if (!sawTable) {
            throw new IllegalStateException(
                    PAGE + " has no parameter table (a header starting with '| parameter | user property | default |')");
        }
        return rows;
    }

    private static Row row(int lineNumber, String line) {
        List<String> cells = cells(line);
        if (cells.size() < 3) {
            throw new IllegalStateException("parameters.md line " + lineNumber + ": fewer than three cells: " + line);
        }
        String name = code(cells.get(0));
        if (name == null) {
            throw new IllegalStateException(
                    "parameters.md line " + lineNumber + ": write the parameter name as `name`: " + line);
        }
        String propertyCell = cells.get(1);
        String property = code(propertyCell);
        if (property == null && !propertyCell.equalsIgnoreCase("none")) {
            throw new IllegalStateException(
                    "parameters.md line " + lineNumber + ": write the user property as `name`, or none: " + line);
        }
        return new Row(lineNumber, name, property, cells.get(2));
    }

    /** The value when the whole cell is one code literal, else null. */
    private static String code(String cell) {
        Matcher matcher = CODE.matcher(cell.trim());
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** Splits a table line on unescaped '|'. */
    private static List<String> cells(String line) {
        String body = line.trim();
        if (body.startsWith("|")) {
            body = body.substring(1);
        }
        if (body.endsWith("|") && !body.endsWith("\\|")) {
            body = body.substring(0, body.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && body.charAt(i + 1) == '|') {
                cell.append('|');
                i++;
            } else if (c == '|') {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString().trim());
        return cells;
    }
}
