/**
 * Runnable examples of Weft, each a small piece of production-style code with its tests beside it.
 * Not published; users copy from here.
 */
package dev.weft.samples;
