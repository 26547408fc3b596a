package org.cloudroom.browser;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import org.awaitility.core.ConditionTimeoutException;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The desktop as My computer shows it in a {@link Chromium}: its screen's pixels as noVNC drew them, clicks at a
 * point of the desktop wherever and at whatever scale the page shows it, and keys typed into it.
 */
record DesktopScreen(Chromium browser) {

	/** The desktop's background (icewm/preferences), where no window is. */
	static final List<Integer> BACKGROUND = List.of(0x2f, 0x7d, 0xe1);
	static final List<Integer> BLACK = List.of(0, 0, 0);
	static final List<Integer> WHITE = List.of(255, 255, 255);
	/** The taskbar's text editor button (icewm/toolbar.zh), the second after the start button (themes/cloudroom). */
	static final int EDITOR_BUTTON_X = 159;
	/** A point inside the editor's text when IceWM opens its first window, in the top left corner. */
	static final int[] IN_EDITOR = { 320, 300 };

	/** Waits until the page says it is connected to the desktop. */
	void awaitConnected() {
		browser.await(d -> d.findElement(By.cssSelector("#desktop-status[data-state=connected]")));
	}

	/** Waits until the taskbar is drawn, in the bottom left corner. */
	void awaitTaskbar(Duration patience) {
		await().atMost(patience).until(() -> isDrawn(pixel(5, height() - 5)));
	}

	/**
	 * Waits until the file manager has drawn the desktop's icons, the first one in the top left corner: its window
	 * is up, so it no longer takes the focus from a window opened after it.
	 */
	void awaitIcons(Duration patience) {
		awaitDrawnNear(60, 30, patience);
	}

	/** Waits until something is drawn within a few pixels of the point, as an icon or its name. */
	void awaitDrawnNear(int x, int y, Duration patience) {
		await().atMost(patience).until(() -> drawnNear(x, y));
	}

	int height() {
		return Integer.parseInt(canvas().getDomAttribute("height"));
	}

	/** The colour of a point of the desktop's screen as noVNC drew it, as red, green and blue. */
	List<Integer> pixel(int x, int y) {
		@SuppressWarnings("unchecked")
		var rgb = (List<Long>) browser.driver().executeScript(
				"const c = arguments[0].getContext('2d').getImageData(arguments[1], arguments[2], 1, 1).data;"
						+ " return [c[0], c[1], c[2]];", canvas(), x, y);
		return rgb.stream().map(Long::intValue).toList();
	}

	/** Whether something is drawn there: neither the desktop's background nor the black of no picture yet. */
	static boolean isDrawn(List<Integer> rgb) {
		return !rgb.equals(BACKGROUND) && !rgb.equals(BLACK);
	}

	/** Clicks the desktop at a point of its screen, wherever the page shows it and at whatever scale. */
	void click(int x, int y) {
		var canvas = canvas();
		var rect = canvas.getRect();
		double scale = rect.getWidth() / Double.parseDouble(canvas.getDomAttribute("width"));
		new Actions(browser.driver()).moveToElement(canvas, (int) Math.round(x * scale - rect.getWidth() / 2.0),
				(int) Math.round(y * scale - rect.getHeight() / 2.0)).click().perform();
	}

	void type(CharSequence... keys) {
		new Actions(browser.driver()).sendKeys(keys).perform();
	}

	/**
	 * Whether the condition comes true within the time, for a test that then does what a person would when nothing
	 * happened: tries again.
	 */
	static boolean within(Duration time, Callable<Boolean> condition) {
		try {
			await().atMost(time).pollInterval(Duration.ofMillis(200)).until(condition);
			return true;
		}
		catch (ConditionTimeoutException e) {
			return false;
		}
	}

	private boolean drawnNear(int x, int y) {
		var drawn = (Boolean) browser.driver().executeScript("""
				const [canvas, x, y, background] = arguments;
				const c = canvas.getContext('2d').getImageData(x - 10, y - 10, 21, 21).data;
				for (let i = 0; i < c.length; i += 4) {
				  const rgb = [c[i], c[i + 1], c[i + 2]];
				  if (rgb.some((v, k) => v !== background[k]) && rgb.some(v => v !== 0)) return true;
				}
				return false;""", canvas(), x, y, BACKGROUND);
		return drawn;
	}

	private WebElement canvas() {
		return browser.find("#screen canvas");
	}
}
