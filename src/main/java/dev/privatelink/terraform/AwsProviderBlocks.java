package dev.privatelink.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code provider "aws"} blocks of a Terraform directory's {@code .tf} files: each one's alias
 * and the names of the arguments and blocks it sets. An override file may override an aliased
 * provider only where a primary file declares it, and it replaces what it names, so the generated
 * override must know both.
 *
 * @see <a href="https://developer.hashicorp.com/terraform/language/files/override">Override files</a>
 */
public final class AwsProviderBlocks {
  private static final Pattern START = Pattern.compile("(?m)^\\s*provider\\s+\"?aws\"?\\s*\\{");
  private static final Pattern ITEM = Pattern.compile("(?m)^\\s*([A-Za-z_][A-Za-z0-9_-]*)\\s*(=|\\{)");
  private static final Pattern ALIAS = Pattern.compile("(?m)^\\s*alias\\s*=\\s*\"([^\"]+)\"");

  /** One block: its alias (none for the default configuration) and what it sets at its top level. */
  public record Block(Optional<String> alias, Set<String> settings) {
    public Block {
      settings = Set.copyOf(settings);
    }
  }

  private AwsProviderBlocks() {}

  /** Every {@code provider "aws"} block of the directory's {@code .tf} files, except {@code skip}. */
  public static List<Block> in(Path dir, String skip) {
    List<Block> blocks = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".tf")).sorted().toList()) {
        if (!f.getFileName().toString().equals(skip)) {
          blocks.addAll(parse(Files.readString(f)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the .tf files of " + dir, e);
    }
    return blocks;
  }

  /** The blocks of one file's text. */
  public static List<Block> parse(String text) {
    String code = withoutComments(text);
    List<Block> blocks = new ArrayList<>();
    Matcher m = START.matcher(code);
    while (m.find()) {
      String body = topLevel(code, m.end());
      Matcher alias = ALIAS.matcher(body);
      Set<String> settings = new LinkedHashSet<>();
      Matcher item = ITEM.matcher(body);
      while (item.find()) {
        settings.add(item.group(1));
      }
      blocks.add(new Block(alias.find() ? Optional.of(alias.group(1)) : Optional.empty(), settings));
    }
    return blocks;
  }

  /** The block's body from {@code from} (just past its brace), with nested blocks' bodies blanked. */
  private static String topLevel(String code, int from) {
    StringBuilder out = new StringBuilder();
    int depth = 1;
    boolean quoted = false;
    for (int i = from; i < code.length() && depth > 0; i++) {
      char c = code.charAt(i);
      if (c == '"' && (i == 0 || code.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      } else if (!quoted && c == '{') {
        depth++;
      } else if (!quoted && c == '}') {
        depth--;
      }
      boolean nestedContent = depth > 1 && !(c == '{' && depth == 2);
      out.append(nestedContent && c != '\n' ? ' ' : c);
    }
    return out.toString();
  }

  /** {@code #} and {@code //} line comments and {@code /* *}{@code /} block comments become spaces. */
  private static String withoutComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
        quoted = !quoted;
      }
      if (!quoted && (c == '#' || c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/')) {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
        out.append('\n');
      } else if (!quoted && c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : end + 2;
        text.substring(i, end).chars().forEach(ch -> out.append(ch == '\n' ? '\n' : ' '));
        i = end - 1;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
