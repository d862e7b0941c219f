/** The built-in codecs: how Sluice stores values in its own files. */
package dev.sluice.runtime.codec;
