import com.almworks.sqlite4java.SQLiteConnection;
import com.almworks.sqlite4java.SQLiteJob;
import com.almworks.sqlite4java.SQLiteQueue;
import java.io.File;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * DynamoDB Local bound to 127.0.0.1 only. The jar's own main listens on every interface and has no
 * option to bind one: this builds the server from the same command line, sets the host of its Jetty
 * connector before it opens, and starts it.
 *
 * With -Dredress.lock=FILE it first takes an exclusive OS lock on FILE (released by the kernel when
 * the JVM dies), waiting a few seconds for a previous JVM on the same database to finish dying.
 * With -Dredress.exitOnStdinEof=true it exits when its standard input closes: the platform holds
 * the other end, and the kernel closes it the moment the platform dies, even by SIGKILL and even
 * while the dead platform lingers as a zombie (which a poll of its process id would take for alive).
 *
 * It also indexes DynamoDB Local's own stream-record table. Every write to a table with a stream
 * looks up its stream's first record (`SELECT MIN(SequenceNumber) FROM us WHERE StreamID = ?`), and
 * `us` has no index but its sequence number: each write scanned every stream record of every table
 * (kept 24 h), so writes slowed with all that was written before (bench/README.md). The index is
 * created with the SQLite connection DynamoDB Local itself uses (its job queue, found by reflection
 * once the database is open), in memory and on disk alike; IF NOT EXISTS makes it idempotent.
 */
public final class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    String lockPath = System.getProperty("redress.lock");
    if (Boolean.getBoolean("redress.exitOnStdinEof")) exitOnStdinEof();
    if (lockPath != null) holdLock(new File(lockPath));
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    for (Connector c : server.getConnectors()) ((ServerConnector) c).setHost("127.0.0.1");
    proxy.start();
    // Off only for bench/dynamodb-local, which measures what the index saves.
    if (!"false".equals(System.getProperty("redress.streamIndex"))) indexStreamRecordsOnceOpen(proxy);
  }

  private static final String[] STREAM_INDEXES = {
    "CREATE INDEX IF NOT EXISTS redress_us_stream ON us (StreamID, SequenceNumber)",
    "CREATE INDEX IF NOT EXISTS redress_us_shard ON us (ShardID, SequenceNumber)",
  };

  /**
   * DynamoDB Local opens its database at the first request: a daemon looks for it until then. Its
   * queue exists only once the database's metadata tables (`us` among them) have been created.
   */
  private static void indexStreamRecordsOnceOpen(Object proxy) {
    Thread t =
        new Thread(
            () -> {
              Set<Object> indexed = Collections.newSetFromMap(new IdentityHashMap<>());
              long until = System.currentTimeMillis() + 120_000;
              while (indexed.isEmpty() && System.currentTimeMillis() < until) {
                for (SQLiteQueue queue : sqliteQueues(proxy)) {
                  if (!indexed.add(queue)) continue;
                  try {
                    queue
                        .execute(
                            new SQLiteJob<Void>() {
                              @Override
                              protected Void job(SQLiteConnection c) throws Throwable {
                                for (String sql : STREAM_INDEXES) c.exec(sql);
                                return null;
                              }
                            })
                        .complete();
                    System.out.println("redress: stream records indexed");
                  } catch (RuntimeException e) {
                    System.err.println("redress: could not index stream records: " + e);
                  }
                }
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "redress-stream-index");
    t.setDaemon(true);
    t.start();
  }

  /** Every SQLite job queue reachable from the server through DynamoDB Local's own objects. */
  private static Set<SQLiteQueue> sqliteQueues(Object root) {
    Set<SQLiteQueue> found = Collections.newSetFromMap(new IdentityHashMap<>());
    walk(root, 0, Collections.newSetFromMap(new IdentityHashMap<>()), found);
    return found;
  }

  private static void walk(Object o, int depth, Set<Object> seen, Set<SQLiteQueue> found) {
    if (o == null || depth > 8 || !seen.add(o)) return;
    if (o instanceof SQLiteQueue) {
      found.add((SQLiteQueue) o);
      return;
    }
    if (o instanceof Map) {
      for (Object v : ((Map<?, ?>) o).values().toArray()) walk(v, depth + 1, seen, found);
      return;
    }
    if (!o.getClass().getName().startsWith("software.amazon.dynamodb.")) return;
    for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
        try {
          f.setAccessible(true);
          walk(f.get(o), depth + 1, seen, found);
        } catch (RuntimeException | IllegalAccessException e) {
          // a field this JVM will not open: not one of the database's
        }
      }
    }
  }

  private static void exitOnStdinEof() {
    Thread watcher =
        new Thread(
            () -> {
              try {
                while (System.in.read() != -1) {}
              } catch (java.io.IOException e) {
                // a broken pipe means the same: the platform is gone
              }
              System.exit(0);
            },
            "redress-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static FileLock lock;

  private static void holdLock(File file) throws Exception {
    FileChannel channel = new RandomAccessFile(file, "rw").getChannel();
    long until = System.currentTimeMillis() + 10_000;
    while ((lock = channel.tryLock()) == null) {
      if (System.currentTimeMillis() > until) {
        System.err.println("the database " + file.getParent() + " is in use by another DynamoDB Local");
        System.exit(3);
      }
      Thread.sleep(100);
    }
  }
}
