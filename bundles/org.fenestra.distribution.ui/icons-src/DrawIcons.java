// Draws icons/*.png: java -Djava.awt.headless=true icons-src/DrawIcons.java icons
import java.awt.*;
import java.awt.geom.*;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/** Draws the distribution workbench's 16x16 icons (simple shapes, our own, as org.fenestra.ui's). */
public class DrawIcons {
    interface Painter { void paint(Graphics2D g); }

    public static void main(String[] args) throws Exception {
        File dir = new File(args[0]);
        save(dir, "distribution-point", g -> { // a server with two drive lights
            g.setColor(new Color(0x37474f)); g.fill(new RoundRectangle2D.Float(3, 1.5f, 10, 13, 2, 2));
            g.setColor(new Color(0x90a4ae)); g.fill(new Rectangle2D.Float(4.5f, 3.5f, 7, 3));
            g.fill(new Rectangle2D.Float(4.5f, 8, 7, 3));
            g.setColor(new Color(0x43a047)); g.fill(new Ellipse2D.Float(10, 12, 2, 2));
        });
        save(dir, "distribute", g -> { // one source fanning out to three targets
            g.setColor(new Color(0x1565c0)); g.fill(new RoundRectangle2D.Float(0.5f, 5.5f, 5, 5, 1, 1));
            g.setStroke(new BasicStroke(1.4f));
            g.draw(new Line2D.Float(5.5f, 8, 10, 2.5f)); g.draw(new Line2D.Float(5.5f, 8, 10, 8));
            g.draw(new Line2D.Float(5.5f, 8, 10, 13.5f));
            g.setColor(new Color(0x43a047));
            for (float y : new float[] {0.5f, 6, 11.5f}) g.fill(new RoundRectangle2D.Float(10.5f, y, 4.5f, 4, 1, 1));
        });
        save(dir, "properties", g -> { // a sheet with lines of settings
            g.setColor(new Color(0xeceff1)); g.fill(new Rectangle2D.Float(2.5f, 1.5f, 11, 13));
            g.setColor(new Color(0x546e7a)); g.draw(new Rectangle2D.Float(2.5f, 1.5f, 11, 13));
            for (float y : new float[] {4.5f, 7.5f, 10.5f}) g.fill(new Rectangle2D.Float(4.5f, y, 7, 1.2f));
        });
        save(dir, "multicast", g -> { // one sender, waves going out to many
            g.setColor(new Color(0x1565c0)); g.fill(new Ellipse2D.Float(1, 6, 4, 4));
            g.setStroke(new BasicStroke(1.4f));
            for (float r : new float[] {4, 7.5f, 11}) g.draw(new Arc2D.Float(3 - r, 8 - r, 2 * r, 2 * r, -50, 100, Arc2D.OPEN));
        });
    }

    static void save(File dir, String name, Painter painter) throws Exception {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        painter.paint(g);
        g.dispose();
        ImageIO.write(image, "png", new File(dir, name + ".png"));
    }
}
