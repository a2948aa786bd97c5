package dev.cxtoken.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The plugin descriptor that maven-plugin-plugin generated from the mojo's annotations and Javadoc
 * (target/classes/META-INF/maven/plugin.xml, written in process-classes, before the tests and ITs run).
 */
public final class PluginDescriptorFile {
    /** Relative to the project folder, which is the unit tests' working directory. */
    public static final Path PATH = Path.of("target", "classes", "META-INF", "maven", "plugin.xml");

    /** A parameter users can set; read-only ones (session, project) are left out. */
    public static final class Parameter {
        public final String name;
        /** The user property ({@code -Dname=}), or null. */
        public final String property;
        public final String defaultValue;
        public final String description;

        public Parameter(String name, String property, String defaultValue, String description) {
            this.name = name;
            this.property = property;
            this.defaultValue = defaultValue;
            this.description = description;
        }
    }

    private final Document document;

    private PluginDescriptorFile(Document document) {
        this.document = document;
    }

    public static PluginDescriptorFile load() throws Exception {
        return load(PATH);
    }

    public static PluginDescriptorFile load(Path path) throws Exception {
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is missing: run the tests through Maven (process-classes writes it)");
        }
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return new PluginDescriptorFile(factory.newDocumentBuilder().parse(path.toFile()));
    }

    public String version() {
        return childText(document.getDocumentElement(), "version");
    }

    /** The editable parameters of one goal, by name. */
    public Map<String, Parameter> goal(String goal) {
        NodeList mojos = document.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if (goal.equals(childText(mojo, "goal"))) {
                return parameters(mojo);
            }
        }
        throw new IllegalStateException("The descriptor has no goal " + goal);
    }

    private static Map<String, Parameter> parameters(Element mojo) {
        Element configuration = child(mojo, "configuration");
        Map<String, Parameter> parameters = new TreeMap<>();
        for (Element parameter : children(child(mojo, "parameters"), "parameter")) {
            if (!"true".equals(childText(parameter, "editable"))) {
                continue;
            }
            String name = childText(parameter, "name");
            Element value = configuration == null ? null : child(configuration, name);
            String property = null;
            String defaultValue = null;
            if (value != null) {
                String expression = value.getTextContent().trim();
                if (expression.startsWith("${") && expression.endsWith("}")) {
                    property = expression.substring(2, expression.length() - 1);
                }
                defaultValue = value.hasAttribute("default-value") ? value.getAttribute("default-value") : null;
            }
            parameters.put(name, new Parameter(name, property, defaultValue, childText(parameter, "description")));
        }
        return parameters;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element && name.equals(node.getNodeName())) {
                found.add((Element) node);
            }
        }
        return found;
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String childText(Element parent, String name) {
        Element child = child(parent, name);
        return child == null ? null : child.getTextContent().trim();
    }
}
