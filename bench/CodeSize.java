import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * bench/codesize.sh's reading of the sources through the JDK's own parser (no build needed, nothing resolved):
 * the methods (and constructors, lambdas' enclosing methods included) longer than a limit, from their first line
 * (annotations and all) to their closing brace, and per package the public top-level types against all of them;
 * then the same share per feature, a top-level package with its sub-packages ({@code hotfix} = {@code hotfix},
 * {@code hotfix.internal}, {@code hotfix.web}). The feature's share is the figure issue 32's goal reads: a feature's
 * top package holds its public face (value records, interfaces) and is mostly public by design, so its own share
 * says little; what the feature keeps to itself shows in the share of the whole.
 * Usage: java bench/CodeSize.java SOURCE_ROOT MAX_METHOD_LINES
 */
public class CodeSize {
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        int maxLines = Integer.parseInt(args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null);
        Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
        JavacTask task = (JavacTask) javac.getTask(null, fm, d -> {}, List.of("-proc:none"), null, units);
        SourcePositions positions = Trees.instance(task).getSourcePositions();
        List<String> longMethods = new ArrayList<>();
        Map<String, int[]> publicTypes = new TreeMap<>(); // package -> {public, all}
        for (CompilationUnitTree unit : task.parse()) {
            String pkg = unit.getPackageName() == null
                    ? "(none)"
                    : unit.getPackageName().toString();
            int[] counts = publicTypes.computeIfAbsent(pkg, k -> new int[2]);
            for (Tree t : unit.getTypeDecls()) {
                if (t instanceof ClassTree c) {
                    counts[1]++;
                    if (c.getModifiers().getFlags().contains(Modifier.PUBLIC)) {
                        counts[0]++;
                    }
                }
            }
            LineMap lines = unit.getLineMap();
            String file = root.toAbsolutePath()
                    .relativize(Path.of(unit.getSourceFile().toUri()))
                    .toString();
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
                    long n = end - start + 1;
                    if (n > maxLines) {
                        String name = m.getName().contentEquals("<init>")
                                ? "(constructor)"
                                : m.getName().toString();
                        longMethods.add(String.format("%5d  %s:%d  %s.%s", n, file, start, owner, name));
                    }
                    return super.visitMethod(m, owner);
                }
            }.scan(unit, null);
        }
        System.out.println("methods over " + maxLines + " lines: " + longMethods.size());
        longMethods.stream().sorted((a, b) -> b.compareTo(a)).forEach(System.out::println);
        System.out.println();
        System.out.printf("%-28s %6s %5s %6s%n", "package", "public", "all", "share");
        int[] total = new int[2];
        publicTypes.forEach((pkg, c) -> {
            total[0] += c[0];
            total[1] += c[1];
            System.out.printf("%-28s %6d %5d %5d%%%n", pkg, c[0], c[1], Math.round(100.0 * c[0] / c[1]));
        });
        System.out.printf(
                "%-28s %6d %5d %5d%%%n", "(all)", total[0], total[1], Math.round(100.0 * total[0] / total[1]));
        System.out.println();
        // A feature is dev.hotfixlog.<name> with everything under it; the root package is the composition root.
        Map<String, int[]> features = new TreeMap<>();
        publicTypes.forEach((pkg, c) -> {
            String[] parts = pkg.split("\\.");
            String feature = parts.length > 2 ? parts[2] : "(root)";
            int[] f = features.computeIfAbsent(feature, k -> new int[3]);
            f[0] += c[0];
            f[1] += c[1];
            f[2]++;
        });
        System.out.printf(
                "%-28s %6s %5s %6s  %s%n", "feature (with sub-packages)", "public", "all", "share", "packages");
        features.forEach((feature, f) -> System.out.printf(
                "%-28s %6d %5d %5d%%  %d%n", feature, f[0], f[1], Math.round(100.0 * f[0] / f[1]), f[2]));
    }
}
