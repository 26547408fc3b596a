/** The SPI behind which desktops run: on this machine ({@code local}) or, later, as pods on Kubernetes. */
@NullMarked
package org.cloudroom.desktops.spi;

import org.jspecify.annotations.NullMarked;
