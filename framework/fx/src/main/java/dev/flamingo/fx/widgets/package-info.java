/** Optional session widgets: catching-up overlay, people badge, copyable join link, fatal error display. */
package dev.flamingo.fx.widgets;
