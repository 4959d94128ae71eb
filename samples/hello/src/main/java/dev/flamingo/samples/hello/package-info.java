/** Hello: a counter that every user sees tick up each second and anyone can reset with a click. */
package dev.flamingo.samples.hello;
