package com.ivsstack.emulator.service;

/** The width and height of a video in pixels. */
record VideoSize(int width, int height) {
}
