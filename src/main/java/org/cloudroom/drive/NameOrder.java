package org.cloudroom.drive;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The order names are listed in for a reader: in Chinese by pinyin (汉字 as the JDK's Chinese collator orders the
 * common ones), else alphabetically, case aside; and numbers by their value wherever they stand, so that
 * {@code 第2课} comes before {@code 第10课} and {@code photo 9} before {@code photo 10}.
 */
final class NameOrder implements Comparator<String> {

	private final Collator collator;

	private NameOrder(Locale language) {
		collator = Collator.getInstance("zh".equals(language.getLanguage()) ? Locale.CHINA : language);
		collator.setStrength(Collator.SECONDARY);
	}

	/** The order for a reader of the language. */
	static NameOrder of(Locale language) {
		return new NameOrder(language);
	}

	/** The order for the reader of the request being served. */
	static NameOrder forReader() {
		return of(LocaleContextHolder.getLocale());
	}

	@Override
	public int compare(String a, String b) {
		var left = runs(a);
		var right = runs(b);
		for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
			var x = left.get(i);
			var y = right.get(i);
			int order = isNumber(x) && isNumber(y) ? compareNumbers(x, y) : collator.compare(x, y);
			if (order != 0) {
				return order;
			}
		}
		int order = Integer.compare(left.size(), right.size());
		if (order != 0) {
			return order;
		}
		order = collator.compare(a, b);
		return order != 0 ? order : a.compareTo(b);
	}

	/** The name cut where digits begin and end: {@code 第10课} is {@code 第}, {@code 10}, {@code 课}. */
	private static List<String> runs(String name) {
		var runs = new ArrayList<String>();
		int start = 0;
		for (int i = 1; i <= name.length(); i++) {
			if (i == name.length() || isDigit(name.charAt(i)) != isDigit(name.charAt(i - 1))) {
				runs.add(name.substring(start, i));
				start = i;
			}
		}
		return runs;
	}

	private static boolean isNumber(String run) {
		return isDigit(run.charAt(0));
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** Two runs of digits by value, however long: leading zeros aside, the longer is larger. */
	private static int compareNumbers(String x, String y) {
		var a = x.replaceFirst("^0+(?=.)", "");
		var b = y.replaceFirst("^0+(?=.)", "");
		return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
	}
}
