/** Small concurrency building blocks; depends on nothing else in the project, so every layer may use it. */
package dev.privatelink.util.concurrent;
