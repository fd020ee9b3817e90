package com.ivsstack.bench.startup;

/** The JVM's own floor: a hello world started the way the plugin's launcher starts the plugin. */
public final class Hello {

    private Hello() {
    }

    public static void main(String[] args) {
        System.out.println("hello");
    }
}
