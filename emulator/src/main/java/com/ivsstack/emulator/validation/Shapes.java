package com.ivsstack.emulator.validation;

/** Factories for the shapes that the operation rule tables are written in. */
public final class Shapes {
    private Shapes() {
    }

    public static StringShape string() {
        return new StringShape();
    }

    public static StringShape enumOf(String... values) {
        return new StringShape().oneOf(values);
    }

    public static NumberShape integer(long min, long max) {
        return new NumberShape(true, min, max);
    }

    public static NumberShape integerAtLeast(long min) {
        return new NumberShape(true, min, Integer.MAX_VALUE);
    }

    public static NumberShape floating(double min, double max) {
        return new NumberShape(false, min, max);
    }

    public static BooleanShape bool() {
        return new BooleanShape();
    }

    public static ListShape list(Shape item) {
        return new ListShape(item);
    }

    public static MapShape map(Shape key, Shape value) {
        return new MapShape(key, value);
    }

    public static StructureShape structure() {
        return new StructureShape();
    }
}
