/** UI-test fixture shipped in flamingo-fx's test jar: real session windows on a real reflector, headless with Monocle. */
package dev.flamingo.fx.testing;
