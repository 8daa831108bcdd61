package org.tenantregistry.launcher.security;

import org.tenantregistry.launcher.LaunchFailedException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Properties;

/**
 * The local registry's own credentials, so that it needs no configuration and has no default password: on the first
 * start (an empty {@code <data-directory>/security/}) a signing key pair, the admin's password and a service client's
 * secret are made with {@link SecureRandom} and stored there, readable by the user alone where the file system has
 * POSIX permissions. Later starts read them back.
 */
public final class LocalCredentials {

    public static final String ADMIN = "admin";
    public static final String SERVICE_CLIENT = "registry-service";

    static final String PRIVATE_KEY = "signing-key.pem";
    static final String PUBLIC_KEY = "signing-key.pub.pem";
    static final String CREDENTIALS = "credentials.properties";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;
    private final String adminPassword;
    private final String clientSecret;
    private final boolean createdNow;

    private LocalCredentials(Path directory, String adminPassword, String clientSecret, boolean createdNow) {
        this.directory = directory;
        this.adminPassword = adminPassword;
        this.clientSecret = clientSecret;
        this.createdNow = createdNow;
    }

    /** Reads the credentials in {@code directory}, or makes them when it is empty or missing. */
    public static LocalCredentials loadOrCreate(Path directory) {
        Path folder = directory.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(folder) || isEmpty(folder)) {
                return create(folder);
            }
            return load(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the registry's credentials in " + folder, e);
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static LocalCredentials create(Path folder) throws IOException {
        if (POSIX) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException empty) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        } else {
            Files.createDirectories(folder);
        }
        KeyPair keys = rsaKeyPair();
        write(folder.resolve(PRIVATE_KEY), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
        write(folder.resolve(PUBLIC_KEY), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
        String adminPassword = random(18);
        String clientSecret = random(32);
        Properties credentials = new Properties();
        credentials.setProperty("admin.username", ADMIN);
        credentials.setProperty("admin.password", adminPassword);
        credentials.setProperty("client.id", SERVICE_CLIENT);
        credentials.setProperty("client.secret", clientSecret);
        StringWriter text = new StringWriter();
        credentials.store(text, " tenant-registry's local credentials, made at the first start. Delete this folder "
                + "(and restart) to make new ones; tokens signed with the old key are then refused.");
        write(folder.resolve(CREDENTIALS), text.toString());
        return new LocalCredentials(folder, adminPassword, clientSecret, true);
    }

    private static LocalCredentials load(Path folder) throws IOException {
        for (String file : List.of(PRIVATE_KEY, PUBLIC_KEY, CREDENTIALS)) {
            if (!Files.isRegularFile(folder.resolve(file))) {
                throw new LaunchFailedException("The registry's credentials in " + folder + " are incomplete: "
                        + file + " is missing.", "Restore it, or delete the folder " + folder
                        + " to have new credentials (and a new signing key) made at the next start.");
            }
        }
        Properties credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(folder.resolve(CREDENTIALS), StandardCharsets.UTF_8)) {
            credentials.load(reader);
        }
        String adminPassword = credentials.getProperty("admin.password");
        String clientSecret = credentials.getProperty("client.secret");
        if (adminPassword == null || clientSecret == null) {
            throw new LaunchFailedException(folder.resolve(CREDENTIALS) + " names no admin.password or client.secret.",
                    "Restore it, or delete the folder " + folder + " to have new credentials made at the next start.");
        }
        return new LocalCredentials(folder, adminPassword, clientSecret, false);
    }

    private static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, RANDOM);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM cannot make RSA keys", e);
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        // URL-safe and without padding: no character a shell, a URL or curl -u would read otherwise.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Created readable by the user alone from the start, so that no other user can open it in between. */
    private static void write(Path file, String content) throws IOException {
        FileAttribute<?>[] ownerOnly = POSIX
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Files.createFile(file, ownerOnly);
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }

    public Path directory() {
        return directory;
    }

    public Path privateKey() {
        return directory.resolve(PRIVATE_KEY);
    }

    public Path publicKey() {
        return directory.resolve(PUBLIC_KEY);
    }

    public Path credentialsFile() {
        return directory.resolve(CREDENTIALS);
    }

    public String adminPassword() {
        return adminPassword;
    }

    public String clientSecret() {
        return clientSecret;
    }

    /** Whether this start made them: then, and only then, they are shown. */
    public boolean createdNow() {
        return createdNow;
    }
}
