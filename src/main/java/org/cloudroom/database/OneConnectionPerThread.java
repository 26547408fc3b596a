package org.cloudroom.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.cloudroom.database.DatabaseSettings.SecondConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's data source, counting the connections each thread holds. A thread that asks for a second while
 * it holds one is what starved the pool mid-lesson (issue #15): under load every such thread holds one and waits for
 * another, and a pool of ten runs dry with nothing busy. It is refused or logged, as {@link DatabaseSettings} says.
 */
final class OneConnectionPerThread extends DelegatingDataSource {

	private static final Logger log = LoggerFactory.getLogger(OneConnectionPerThread.class);

	private final ThreadLocal<Held> held = ThreadLocal.withInitial(Held::new);
	private final SecondConnection secondConnection;
	private volatile boolean watching;

	OneConnectionPerThread(DataSource pool, SecondConnection secondConnection) {
		super(pool);
		this.secondConnection = secondConnection;
	}

	@Override
	public Connection getConnection() throws SQLException {
		checkNoneHeld();
		return counted(obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		checkNoneHeld();
		return counted(obtainTargetDataSource().getConnection(username, password));
	}

	/** From now on a second connection is refused or logged. */
	void watch() {
		watching = true;
	}

	private void checkNoneHeld() {
		var first = held.get();
		if (!watching || first.count == 0) {
			return;
		}
		var problem = new SecondConnectionAsked(Thread.currentThread(), first.takenAt);
		if (secondConnection == SecondConnection.REFUSE) {
			throw problem;
		}
		log.warn("{}", problem.getMessage(), problem);
	}

	private Connection counted(Connection connection) {
		var count = held.get();
		if (count.count++ == 0 && secondConnection == SecondConnection.REFUSE) {
			count.takenAt = new Throwable("the connection this thread holds was taken here");
		}
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
				new Counted(connection, count));
	}

	/** The connections a thread holds, and where it took the first of them when that is kept. */
	private static final class Held {

		int count;
		@Nullable Throwable takenAt;
	}

	/** Gives the connection back to the count once, at its first close. */
	private static final class Counted implements InvocationHandler {

		private final Connection connection;
		private final Held held;
		private boolean closed;

		Counted(Connection connection, Held held) {
			this.connection = connection;
			this.held = held;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			switch (method.getName()) {
				case "close" -> {
					if (!closed) {
						closed = true;
						if (--held.count == 0) {
							held.takenAt = null;
						}
					}
				}
				case "unwrap" -> {
					if (args != null && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
						return proxy;
					}
				}
				case "isWrapperFor" -> {
					if (args != null && args[0] instanceof Class<?> type && type.isInstance(proxy)) {
						return true;
					}
				}
				case "equals" -> {
					return args != null && proxy == args[0];
				}
				case "hashCode" -> {
					return System.identityHashCode(proxy);
				}
				default -> {
				}
			}
			try {
				return method.invoke(connection, args);
			}
			catch (InvocationTargetException e) {
				throw e.getCause();
			}
		}
	}

	/** A thread that holds a connection asked for another. */
	static final class SecondConnectionAsked extends IllegalStateException {

		SecondConnectionAsked(Thread thread, @Nullable Throwable firstTakenAt) {
			super("Thread " + thread + " asked for a second database connection while it holds one: a pool can run dry "
					+ "with every thread waiting (use the connection the thread holds, or let go of it first)", firstTakenAt);
		}
	}
}
