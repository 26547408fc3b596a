package org.cloudroom.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.cloudroom.accounts.CloudroomUser;
import org.cloudroom.accounts.People;
import org.cloudroom.accounts.PeopleImport;
import org.cloudroom.accounts.Program;
import org.cloudroom.classroom.Rooms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The school admin seats a class on the map of a computer room: a click on a student and one on a seat, or a drag
 * onto the seat. A seat somebody has is never taken silently: the admin is asked to swap the two, to move the other
 * to not seated, or to cancel.
 */
@BrowserTest
class AdminSeatsTheClassOnTheSeatMapBrowserTest {

	@RegisterExtension
	final Chromium browser = new Chromium().speaking("zh-CN,zh");

	@Autowired
	Program program;

	@Autowired
	PeopleImport peopleImport;

	@Autowired
	People people;

	@Autowired
	Rooms rooms;

	@Test
	void aTakenSeatAsksWhetherToSwapMoveTheOtherOrCancel() {
		var list = ClassList.of("四年级三班", 3);
		var school = OpenSchool.open(program, "Lotus Primary School", 10).withClass(peopleImport, list);
		var admin = people.findByUsername(school.admin().username()).orElseThrow();
		rooms.create(new CloudroomUser(admin.id(), admin.schoolId(), admin.username(), admin.role()), school.id(),
				"一号机房", 3, 4);
		var first = id(list.students().get(0));
		var second = id(list.students().get(1));
		browser.logIn(school.admin().username(), school.admin().initialPassword());
		browser.open("/schools/" + school.id() + "/classroom");
		browser.await(d -> d.findElements(By.cssSelector("#unseated-list button.student")).size() == 3);

		browser.find("#unseated-list [data-student='" + first + "']").click();
		seat(1, 1).click();
		browser.await(d -> d.findElements(By.cssSelector(seatCss(1, 1) + " [data-student='" + first + "']")).size() == 1);
		assertThat(browser.find("#seat-status").getText()).contains("第 1 排第 1 座");
		drag(second, seatCss(2, 3));
		browser.await(d -> d.findElements(By.cssSelector(seatCss(2, 3) + " [data-student='" + second + "']")).size() == 1);

		drag(second, seatCss(1, 1));
		browser.await(d -> d.findElement(By.id("seat-taken")).isDisplayed());
		assertThat(browser.find("#seat-taken-text").getText()).contains(list.students().get(0).displayName())
			.contains("第 1 排第 1 座");
		browser.screenshot(Path.of("target", "screenshots", "classroom-seat-taken.png"));
		browser.find("#seat-cancel").click();
		assertThat(browser.find("#seat-taken").isDisplayed()).isFalse();
		assertThat(browser.driver().findElements(By.cssSelector(seatCss(1, 1) + " [data-student='" + first + "']")))
			.hasSize(1);

		drag(second, seatCss(1, 1));
		browser.await(d -> d.findElement(By.id("seat-taken")).isDisplayed());
		browser.find("#seat-swap").click();
		browser.await(d -> d.findElements(By.cssSelector(seatCss(2, 3) + " [data-student='" + first + "']")).size() == 1);
		assertThat(browser.driver().findElements(By.cssSelector(seatCss(1, 1) + " [data-student='" + second + "']")))
			.hasSize(1);

		browser.find("#unseated-list [data-student='" + id(list.students().get(2)) + "']").click();
		seat(1, 1).click();
		browser.await(d -> d.findElement(By.id("seat-taken")).isDisplayed());
		assertThat(browser.find("#seat-unseat").getText()).contains(list.students().get(1).displayName());
		browser.find("#seat-unseat").click();
		browser.await(d -> d.findElements(By.cssSelector("#unseated-list [data-student='" + second + "']")).size() == 1);
		browser.screenshot(Path.of("target", "screenshots", "classroom-seat-map.png"));
	}

	private String id(ClassList.Student student) {
		return people.findByUsername(student.username()).orElseThrow().id().toString();
	}

	private static String seatCss(int row, int column) {
		return "#seat-map .seat[data-row='" + row + "'][data-column='" + column + "']";
	}

	private org.openqa.selenium.WebElement seat(int row, int column) {
		return browser.find(seatCss(row, column));
	}

	/** Drags the student onto the target as a mouse does (Chromium's WebDriver cannot drive HTML drag and drop). */
	private void drag(String student, String target) {
		browser.driver().executeScript("""
				const data = new DataTransfer();
				const from = document.querySelector(`.seating [data-student='${arguments[0]}']`);
				from.dispatchEvent(new DragEvent('dragstart', { bubbles: true, dataTransfer: data }));
				const to = document.querySelector(arguments[1]);
				to.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: data }));
				to.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: data }));""",
				student, target);
	}
}
