package org.cloudroom.desktops;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.cloudroom.apps.AppsChanged;
import org.cloudroom.desktops.spi.DesktopProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The apps some people of a school may run changed: the school's running desktops offer what they now may. Once the
 * change is committed, on a thread of its own, one school after another: the teacher's request never waits on
 * desktops' files, and holds no database connection while they are written (issue #15).
 */
@Component
class MenuUpdates implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MenuUpdates.class);

	private final DesktopRecords records;
	private final DesktopSpecs specs;
	private final DesktopProvider provider;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("menus").factory());

	MenuUpdates(DesktopRecords records, DesktopSpecs specs, DesktopProvider provider) {
		this.records = records;
		this.specs = specs;
		this.provider = provider;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void appsChanged(AppsChanged changed) {
		worker.execute(() -> {
			try {
				for (var row : records.ofSchool(changed.school())) {
					provider.applyMenu(row.running(), specs.menu(row.owner(), changed.school()));
				}
			}
			catch (RuntimeException e) {
				log.warn("The menus of school {} were not refreshed", changed.school(), e);
			}
		});
	}

	@Override
	public void destroy() {
		worker.shutdownNow();
	}
}
