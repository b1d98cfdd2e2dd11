package dev.hotfixlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The house's sizes, in the build: no main file over {@value #MAX_FILE_LINES} lines and no method over
 * {@value #MAX_METHOD_LINES}, measured as {@code bench/codesize.sh} measures them (a file's lines as {@code wc -l}
 * counts them; a method, constructor or lambda-holding method from its first line, annotations and all, to its
 * closing brace, read by the JDK's own parser as {@code bench/CodeSize.java} reads it). A long file or method is
 * cut along its seams into parts named for their role, not let through.
 */
class HouseSizeTest {
    static final int MAX_FILE_LINES = 400;
    static final int MAX_METHOD_LINES = 80;
    private static final Path MAIN = Path.of("src/main/java");

    /**
     * The offenders known when this rule came in, let through for now: cut in the parallel branches of issue 32;
     * this list must be empty at merge. Files by their path under src/main/java, methods as {@code path
     * Type.method} (nested types joined by a dot). An entry no longer over its limit fails the build too, so the
     * list only shrinks.
     */
    static final Set<String> NOT_YET_CUT = Set.of();

    /** One thing over its limit: a file ({@code method} null) or a method, with its length in lines. */
    record Oversize(String file, String method, int firstLine, long lines) {
        String key() {
            return method == null ? file : file + " " + method;
        }

        @Override
        public String toString() {
            return method == null
                    ? file + ": " + lines + " lines (over " + MAX_FILE_LINES + ")"
                    : file + ":" + firstLine + " " + method + ": " + lines + " lines (over " + MAX_METHOD_LINES + ")";
        }
    }

    @Test
    void noMainFile_isOver400Lines_andNoMethod_over80() throws IOException {
        List<String> over = oversize(MAIN).stream()
                .filter(o -> !NOT_YET_CUT.contains(o.key()))
                .map(Oversize::toString)
                .toList();
        assertThat(over)
                .as(
                        "main files over %d lines or methods over %d (bench/codesize.sh lists them): cut each along its "
                                + "seams into parts named for their role",
                        MAX_FILE_LINES, MAX_METHOD_LINES)
                .isEmpty();
    }

    @Test
    void theListOfWhatIsNotYetCut_namesOnlyWhatIsStillOver() throws IOException {
        Set<String> stillOver = oversize(MAIN).stream().map(Oversize::key).collect(Collectors.toSet());
        assertThat(NOT_YET_CUT.stream()
                        .filter(k -> !stillOver.contains(k))
                        .sorted()
                        .toList())
                .as("entries of NOT_YET_CUT that are within the limits now: take them off the list")
                .isEmpty();
    }

    /** The rule itself, on sources made for it: a file of 401 lines and a method of 81 are named; 400 and 80 pass. */
    @Test
    void aFileOver400Lines_andAMethodOver80_areNamed_theLimitsThemselvesPass(@TempDir Path root) throws IOException {
        Path pkg = Files.createDirectories(root.resolve("dev/example"));
        Files.writeString(pkg.resolve("TooLong.java"), source("TooLong", 81, 401));
        Files.writeString(pkg.resolve("AtTheLimit.java"), source("AtTheLimit", 80, 400));

        assertThat(oversize(root).stream().map(Oversize::toString))
                .containsExactlyInAnyOrder(
                        "dev/example/TooLong.java: 401 lines (over 400)",
                        "dev/example/TooLong.java:4 TooLong.run: 81 lines (over 80)");
    }

    /**
     * A class {@code name} whose method {@code run} is {@code methodLines} long (annotation to closing brace) and
     * whose file is {@code fileLines} long, ending in a newline.
     */
    private static String source(String name, int methodLines, int fileLines) {
        StringBuilder b = new StringBuilder("package dev.example;\n\nclass " + name + " {\n");
        b.append("    @Deprecated\n    void run() {\n");
        for (int i = 0; i < methodLines - 3; i++) {
            b.append("        System.out.println(").append(i).append(");\n");
        }
        b.append("    }\n");
        int lines = 3 + methodLines;
        for (; lines < fileLines - 1; lines++) {
            b.append("    // a line\n");
        }
        return b.append("}\n").toString();
    }

    /** What under {@code root} is over its limit, as bench/codesize.sh and bench/CodeSize.java count. */
    static List<Oversize> oversize(Path root) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        List<Oversize> found = new ArrayList<>();
        for (Path f : files) {
            long lines = Files.readString(f).chars().filter(c -> c == '\n').count(); // as wc -l counts
            if (lines > MAX_FILE_LINES) {
                found.add(new Oversize(name(root, f), null, 1, lines));
            }
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
            JavacTask task = (JavacTask) javac.getTask(
                    null, fm, d -> {}, List.of("-proc:none"), null, fm.getJavaFileObjectsFromPaths(files));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                String file = name(root, Path.of(unit.getSourceFile().toUri()));
                LineMap lines = unit.getLineMap();
                new TreeScanner<Void, String>() {
                    @Override
                    public Void visitClass(ClassTree c, String outer) {
                        return super.visitClass(
                                c, outer == null ? c.getSimpleName().toString() : outer + "." + c.getSimpleName());
                    }

                    @Override
                    public Void visitMethod(MethodTree m, String owner) {
                        long start = lines.getLineNumber(positions.getStartPosition(unit, m));
                        long end = lines.getLineNumber(positions.getEndPosition(unit, m));
                        if (end - start + 1 > MAX_METHOD_LINES) {
                            String name = m.getName().contentEquals("<init>")
                                    ? "(constructor)"
                                    : m.getName().toString();
                            found.add(new Oversize(file, owner + "." + name, (int) start, end - start + 1));
                        }
                        return super.visitMethod(m, owner);
                    }
                }.scan(unit, null);
            }
        }
        return found;
    }

    private static String name(Path root, Path file) {
        return root.toAbsolutePath()
                .relativize(file.toAbsolutePath())
                .toString()
                .replace('\\', '/');
    }
}
