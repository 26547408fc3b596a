package org.cloudroom.drive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Names listed as a reader expects: by pinyin for a Chinese reader, and numbers by their value. */
class NameOrderTests {

	@Test
	void aChineseReaderSeesNamesInPinyinOrder() {
		var names = List.of("周", "作业", "王小明", "阿明", "李欣怡", "张三", "陈", "白", "赵宇");

		assertThat(names.stream().sorted(NameOrder.of(Locale.SIMPLIFIED_CHINESE)))
			.containsExactly("阿明", "白", "陈", "李欣怡", "王小明", "张三", "赵宇", "周", "作业");
	}

	@Test
	void lessonsAndPhotosAreNumberedInTheOrderTheirNumbersGo() {
		var names = List.of("第10课.pdf", "第2课.pdf", "第1课.pdf", "photo 10.png", "Photo 9.png", "photo 009b.png",
				"第12345678901234567890课", "第99课");

		assertThat(names.stream().sorted(NameOrder.of(Locale.SIMPLIFIED_CHINESE))).containsExactly("Photo 9.png",
				"photo 009b.png", "photo 10.png", "第1课.pdf", "第2课.pdf", "第10课.pdf", "第99课",
				"第12345678901234567890课");
		assertThat(names.stream().sorted(NameOrder.of(Locale.ENGLISH)).limit(3)).containsExactly("Photo 9.png",
				"photo 009b.png", "photo 10.png");
	}
}
