package dev.mediagen.arena.db;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of JDBC connections. {@link #borrow()} hands out a proxy whose {@code close()} rolls back
 * anything left open and returns the connection instead of closing it, so JDBI's per-handle close
 * recycles connections (opening an SQLite connection and applying its pragmas costs more than a vote).
 */
final class ConnectionPool implements AutoCloseable {
  /** Opens one physical connection. */
  interface Opener {
    Connection open() throws SQLException;
  }

  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();
  private volatile boolean closed;

  ConnectionPool(Opener opener, int size) throws SQLException {
    idle = new ArrayBlockingQueue<>(size);
    for (int i = 0; i < size; i++) {
      Connection c = opener.open();
      all.add(c);
      idle.add(c);
    }
  }

  /** A pooled connection; waits up to 30 s when all are in use. */
  Connection borrow() throws SQLException {
    if (closed) throw new SQLException("the connection pool is closed");
    Connection c;
    try {
      c = idle.poll(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a database connection", e);
    }
    if (c == null) throw new SQLException("no database connection free after 30 s");
    Connection physical = c;
    boolean[] returned = {false};
    return (Connection) Proxy.newProxyInstance(
        Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          switch (method.getName()) {
            case "close" -> {
              if (!returned[0]) {
                returned[0] = true;
                if (!physical.getAutoCommit()) {
                  physical.rollback();
                  physical.setAutoCommit(true);
                }
                idle.add(physical);
              }
              return null;
            }
            case "isClosed" -> {
              return returned[0] || physical.isClosed();
            }
            case "unwrap" -> {
              return physical.unwrap((Class<?>) args[0]);
            }
            default -> {
              if (returned[0]) throw new SQLException("connection already returned to the pool");
              try {
                return method.invoke(physical, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }
          }
        });
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c : all) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing: nothing left to do
      }
    }
  }
}
