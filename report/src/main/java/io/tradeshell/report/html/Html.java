package io.tradeshell.report.html;

/** HTML text escaping for anything taken from run files. */
public final class Html {
    private Html() {}

    /** {@code s} with &amp;, &lt;, &gt;, &quot; and &#39; escaped, safe in text and in quoted attributes; "" for null. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String r = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (r == null) {
                if (out != null) out.append(c);
            } else {
                if (out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
                out.append(r);
            }
        }
        return out == null ? s : out.toString();
    }
}
