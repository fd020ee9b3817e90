package com.ivsstack.pulumi.schema;

/**
 * A schema token {@code pkg:module:Name}. The module may carry a file part ({@code ivs/channel}),
 * which Pulumi ignores for naming; an empty module means {@code index}.
 */
public record Token(String text, String packageName, String module, String name) {

    public static Token parse(String text) {
        String[] parts = text.split(":");
        if (parts.length != 3 || parts[0].isEmpty() || parts[2].isEmpty()) {
            throw new SchemaException("token '" + text + "' is not of the form pkg:module:Name");
        }
        String module = parts[1];
        int slash = module.indexOf('/');
        if (slash >= 0) {
            module = module.substring(0, slash);
        }
        return new Token(text, parts[0], module.isEmpty() ? "index" : module, parts[2]);
    }

    public boolean isIndexModule() {
        return module.equals("index");
    }

    @Override
    public String toString() {
        return text;
    }
}
