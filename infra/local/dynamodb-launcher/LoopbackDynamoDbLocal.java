import java.io.File;
import java.io.RandomAccessFile;
import java.lang.reflect.Field;
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
