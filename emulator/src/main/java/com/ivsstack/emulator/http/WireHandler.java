package com.ivsstack.emulator.http;

/** Answers requests of one part of the endpoint (the IVS API or the admin API); never throws for a bad request. */
@FunctionalInterface
public interface WireHandler {
    WireResponse handle(WireRequest request);
}
