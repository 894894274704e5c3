// Draws icons/*.png: java -Djava.awt.headless=true icons-src/DrawIcons.java icons [../org.fenestra.sample.partner/icons]
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Draws Fenestra's 16x16 action icons (simple shapes, our own). */
public class DrawIcons {
    interface Painter { void paint(Graphics2D g); }

    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        if (args.length > 1) { // the sample partner's icon, drawn the same way
            save(new File(args[1]), "copy-inventory", g -> {
                g.setColor(new Color(0x8d6e63)); g.fill(new RoundRectangle2D.Float(2, 2, 12, 13.5f, 2, 2));
                g.setColor(Color.WHITE); g.fill(new Rectangle2D.Float(4, 4, 8, 10));
                g.setColor(new Color(0x455a64)); g.fill(new RoundRectangle2D.Float(5.5f, 0.8f, 5, 2.8f, 1, 1));
                g.setColor(new Color(0x2e7d32)); g.setStroke(new BasicStroke(1f));
                for (int y = 6; y <= 12; y += 2) g.draw(new Line2D.Float(5, y + 0.5f, 11, y + 0.5f));
            });
        }
        save(dir, "add", g -> {
            disc(g, new Color(0x2e8b3a), new Color(0x1d5e26));
            g.setColor(Color.WHITE); g.setStroke(new BasicStroke(2.2f));
            g.draw(new Line2D.Float(8, 4, 8, 12)); g.draw(new Line2D.Float(4, 8, 12, 8));
        });
        save(dir, "delete", g -> {
            g.setColor(new Color(0xc62828)); g.setStroke(new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Float(3.5f, 3.5f, 12.5f, 12.5f)); g.draw(new Line2D.Float(12.5f, 3.5f, 3.5f, 12.5f));
        });
        save(dir, "refresh", g -> {
            g.setColor(new Color(0x1565c0)); g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
            g.draw(new Arc2D.Float(2.5f, 2.5f, 11, 11, 90, 270, Arc2D.OPEN));
            Path2D head = new Path2D.Float();
            head.moveTo(8, 0.5); head.lineTo(12, 3); head.lineTo(8, 5.5); head.closePath();
            g.fill(head);
        });
        save(dir, "properties", g -> {
            sheet(g);
            g.setColor(new Color(0x1565c0)); g.setStroke(new BasicStroke(1f));
            for (int y = 5; y <= 11; y += 2) g.draw(new Line2D.Float(5, y + 0.5f, 11, y + 0.5f));
        });
        save(dir, "logs", g -> {
            sheet(g);
            g.setColor(new Color(0x555555)); g.setStroke(new BasicStroke(1f));
            for (int y = 5; y <= 11; y += 2) g.draw(new Line2D.Float(5, y + 0.5f, y == 9 ? 8 : 11, y + 0.5f));
            g.setColor(new Color(0xe65100)); g.fill(new Ellipse2D.Float(9, 9, 6, 6));
            g.setColor(Color.WHITE); g.fill(new Rectangle2D.Float(11.5f, 10, 1.2f, 2.6f)); g.fill(new Rectangle2D.Float(11.5f, 13, 1.2f, 1.1f));
        });
        save(dir, "about", g -> {
            disc(g, new Color(0x1565c0), new Color(0x0d3c73));
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Float(7, 3.5f, 2.2f, 2.2f)); g.fill(new RoundRectangle2D.Float(7.1f, 6.8f, 2f, 6f, 1, 1));
        });
        save(dir, "preferences", g -> {
            g.setColor(new Color(0x546e7a));
            Area gear = new Area(new Ellipse2D.Float(3, 3, 10, 10));
            for (int i = 0; i < 8; i++) {
                Shape tooth = new Rectangle2D.Float(7, 0.8f, 2, 3.5f);
                gear.add(new Area(AffineTransform.getRotateInstance(Math.PI * i / 4, 8, 8).createTransformedShape(tooth)));
            }
            gear.subtract(new Area(new Ellipse2D.Float(5.8f, 5.8f, 4.4f, 4.4f)));
            g.fill(gear);
        });
        save(dir, "image", g -> {
            g.setColor(new Color(0x90a4ae)); g.fill(new Ellipse2D.Float(1, 1, 14, 14));
            g.setColor(new Color(0x1565c0)); g.fill(new Ellipse2D.Float(3, 3, 10, 10));
            g.setColor(Color.WHITE); g.fill(new Ellipse2D.Float(6.5f, 6.5f, 3, 3));
        });
        save(dir, "license", g -> {
            sheet(g);
            g.setColor(new Color(0x555555)); g.setStroke(new BasicStroke(1f));
            for (int y = 4; y <= 8; y += 2) g.draw(new Line2D.Float(5, y + 0.5f, 11, y + 0.5f));
            g.setColor(new Color(0xc62828)); g.fill(new Ellipse2D.Float(8, 9, 5, 5));
        });
    }

    static void disc(Graphics2D g, Color fill, Color edge) {
        g.setColor(fill); g.fill(new Ellipse2D.Float(1, 1, 14, 14));
        g.setColor(edge); g.setStroke(new BasicStroke(1f)); g.draw(new Ellipse2D.Float(1, 1, 14, 14));
    }

    static void sheet(Graphics2D g) {
        g.setColor(Color.WHITE); g.fill(new Rectangle2D.Float(2.5f, 1.5f, 11, 13));
        g.setColor(new Color(0x607d8b)); g.setStroke(new BasicStroke(1f)); g.draw(new Rectangle2D.Float(2.5f, 1.5f, 11, 13));
    }

    static void save(File dir, String name, Painter painter) throws Exception {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        painter.paint(g);
        g.dispose();
        ImageIO.write(image, "png", new File(dir, name + ".png"));
    }
}
