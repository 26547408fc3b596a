/**
 * Images: the one place that decodes pictures from outside the server (a school's wallpaper, a photo or webcam
 * frame of a login card), through {@link org.cloudroom.images.Pictures}. A picture's size is read from its header
 * first, and one that claims more pixels than allowed is refused before any pixel is decoded. Plain Java, no
 * Spring, like {@code rfb}.
 */
@NullMarked
package org.cloudroom.images;

import org.jspecify.annotations.NullMarked;
