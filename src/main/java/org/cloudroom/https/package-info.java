/**
 * HTTPS on a school's network out of the box, so browsers allow the camera for the card login: on its first start
 * the server makes a certificate authority of its own and a certificate for its names and addresses, and serves
 * HTTPS on a second port next to HTTP. The authority's certificate, installed once on the room's computers, makes
 * them trust it; a real certificate can be used instead. It offers {@link org.cloudroom.https.SecureAddress}: where
 * a page is found over HTTPS, and the authority's certificate.
 */
@NullMarked
package org.cloudroom.https;

import org.jspecify.annotations.NullMarked;
