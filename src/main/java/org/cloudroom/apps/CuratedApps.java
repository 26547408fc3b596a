package org.cloudroom.apps;

import java.util.List;

/**
 * The education set the operator can install with one click: Debian packages, named by the {@code .desktop} entry
 * each installs.
 */
final class CuratedApps {

	static final List<App> ALL = List.of(
			curated("mscore3", "MuseScore 3", "MuseScore 3 乐谱", "Write and play music notation", "制作、编排和播放乐谱",
					"mscore3", "Education;Music", "mscore3", "musescore3"),
			curated("lmms", "LMMS", "LMMS 音乐制作", "Make music with instruments and beats", "用乐器和节拍制作音乐", "lmms",
					"Education;Music", "lmms", "lmms"),
			curated("org.kde.gcompris", "GCompris", "GCompris 儿童教育", "Activities for primary school children",
					"小学生的学习游戏和练习", "gcompris-qt", "Education;Game", "gcompris-qt", "gcompris-qt"),
			curated("tuxpaint", "Tux Paint", "企鹅画板", "Drawing for children", "儿童绘画", "tuxpaint",
					"Education;Graphics", "tuxpaint", "tuxpaint"),
			curated("scratch", "Scratch", "Scratch 少儿编程", "Programming with blocks for children", "用积木学编程",
					"scratch", "Education;Development", "scratch", "scratch"),
			curated("geogebra", "GeoGebra", "GeoGebra 动态数学", "Geometry and algebra, interactive", "交互式几何与代数",
					"geogebra", "Education;Math", "geogebra", "geogebra"),
			curated("geany", "Geany", "Geany 编程编辑器", "A programming editor", "编程用的文本编辑器", "geany",
					"Development;IDE", "geany", "geany"),
			curated("libreoffice-writer", "LibreOffice Writer", "LibreOffice 文字处理", "Write documents", "编写文档",
					"libreoffice-writer", "Office", "libreoffice --writer", "libreoffice-writer"),
			curated("chromium", "Chromium", "Chromium 网页浏览器", "A web browser", "网页浏览器", "chromium",
					"Network;WebBrowser", "chromium", "chromium"));

	private CuratedApps() {
	}

	private static App curated(String id, String name, String nameZh, String comment, String commentZh, String icon,
			String categories, String exec, String debianPackage) {
		return new App(id, name, nameZh, comment, commentZh, icon, List.of(categories.split(";")), exec,
				debianPackage, false);
	}
}
