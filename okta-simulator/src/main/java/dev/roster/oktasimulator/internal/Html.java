package dev.roster.oktasimulator.internal;

/** HTML escaping: every value from the org or the request goes through here before it reaches a page. */
public final class Html {
    private Html() {
    }

    public static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title><style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem}"
                + "table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;"
                + "text-align:left}input[type=text],input[type=password]{width:20rem}form.inline{display:inline}"
                + ".error{color:#b00}</style></head><body>" + body + "</body></html>";
    }
}
