/* Drops files on a program's window the way a file manager does: the X drag-and-drop protocol
 * (XDND 5) with a text/uri-list, from an unmapped source window of our own onto the middle of the
 * top-level window whose _NET_WM_PID is the given pid. (WebDriver cannot drag files in from
 * outside the page, and there is no file manager under Xvfb.) Usage: x11-drop PID FILE...
 * (absolute paths). Exit 0 when the target accepted the drop and said it finished, 1 when no
 * window or no XDND target was found, 3 when the target refused or did not answer in time, 2 on
 * other errors. Built by the e2e harness with `cc ... -lX11`. */
#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/time.h>

static Atom a_pid, a_aware, a_enter, a_position, a_status, a_drop, a_finished, a_leave, a_selection,
    a_copy, a_urilist;

static long card_prop(Display *dpy, Window w, Atom prop) {
  Atom type;
  int format;
  unsigned long n, after;
  unsigned char *data = NULL;
  long v = -1;
  if (XGetWindowProperty(dpy, w, prop, 0, 1, False, AnyPropertyType, &type, &format, &n, &after,
                         &data) == Success &&
      data && n == 1 && format == 32)
    v = *(long *)data;
  if (data) XFree(data);
  return v;
}

/* The first viewable window (depth first) with the pid and an XdndAware property. */
static Window find(Display *dpy, Window w, long pid) {
  if (card_prop(dpy, w, a_pid) == pid && card_prop(dpy, w, a_aware) >= 0) {
    XWindowAttributes attrs;
    if (XGetWindowAttributes(dpy, w, &attrs) && attrs.map_state == IsViewable) return w;
  }
  Window root, parent, *children = NULL, found = None;
  unsigned int n = 0;
  if (XQueryTree(dpy, w, &root, &parent, &children, &n)) {
    for (unsigned int i = 0; i < n && found == None; i++) found = find(dpy, children[i], pid);
    if (children) XFree(children);
  }
  return found;
}

static void send(Display *dpy, Window target, Atom type, long l0, long l1, long l2, long l3, long l4) {
  XEvent ev;
  memset(&ev, 0, sizeof ev);
  ev.xclient.type = ClientMessage;
  ev.xclient.window = target;
  ev.xclient.message_type = type;
  ev.xclient.format = 32;
  ev.xclient.data.l[0] = l0;
  ev.xclient.data.l[1] = l1;
  ev.xclient.data.l[2] = l2;
  ev.xclient.data.l[3] = l3;
  ev.xclient.data.l[4] = l4;
  XSendEvent(dpy, target, False, NoEventMask, &ev);
  XFlush(dpy);
}

/* Wait up to ms for an event; 0 on timeout. */
static int next_event(Display *dpy, XEvent *ev, int ms) {
  struct timeval end, now;
  gettimeofday(&end, NULL);
  end.tv_sec += ms / 1000;
  end.tv_usec += (ms % 1000) * 1000;
  if (end.tv_usec >= 1000000) {
    end.tv_sec++;
    end.tv_usec -= 1000000;
  }
  for (;;) {
    if (XPending(dpy)) {
      XNextEvent(dpy, ev);
      return 1;
    }
    gettimeofday(&now, NULL);
    long left = (end.tv_sec - now.tv_sec) * 1000 + (end.tv_usec - now.tv_usec) / 1000;
    if (left <= 0) return 0;
    int fd = ConnectionNumber(dpy);
    fd_set fds;
    FD_ZERO(&fds);
    FD_SET(fd, &fds);
    struct timeval tv = {left / 1000, (left % 1000) * 1000};
    select(fd + 1, &fds, NULL, NULL, &tv);
  }
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: x11-drop PID FILE...\n");
    return 2;
  }
  long pid = strtol(argv[1], NULL, 10);
  Display *dpy = XOpenDisplay(NULL);
  if (!dpy) {
    fprintf(stderr, "x11-drop: cannot open display\n");
    return 2;
  }
  a_pid = XInternAtom(dpy, "_NET_WM_PID", False);
  a_aware = XInternAtom(dpy, "XdndAware", False);
  a_enter = XInternAtom(dpy, "XdndEnter", False);
  a_position = XInternAtom(dpy, "XdndPosition", False);
  a_status = XInternAtom(dpy, "XdndStatus", False);
  a_drop = XInternAtom(dpy, "XdndDrop", False);
  a_finished = XInternAtom(dpy, "XdndFinished", False);
  a_leave = XInternAtom(dpy, "XdndLeave", False);
  a_selection = XInternAtom(dpy, "XdndSelection", False);
  a_copy = XInternAtom(dpy, "XdndActionCopy", False);
  a_urilist = XInternAtom(dpy, "text/uri-list", False);

  Window root = DefaultRootWindow(dpy);
  Window target = find(dpy, root, pid);
  if (target == None) {
    fprintf(stderr, "x11-drop: no XDND-aware window of pid %ld\n", pid);
    return 1;
  }

  /* The list: file:// URIs, each path percent-encoded where it must be (UTF-8 bytes included). */
  size_t cap = 64;
  for (int i = 2; i < argc; i++) cap += 8 + 3 * strlen(argv[i]) + 2;
  char *list = malloc(cap), *p = list;
  for (int i = 2; i < argc; i++) {
    p += sprintf(p, "file://");
    for (const unsigned char *c = (const unsigned char *)argv[i]; *c; c++) {
      if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
          strchr("/-_.~", *c))
        *p++ = (char)*c;
      else
        p += sprintf(p, "%%%02X", *c);
    }
    p += sprintf(p, "\r\n");
  }
  *p = 0;

  Window source = XCreateSimpleWindow(dpy, root, -10, -10, 1, 1, 0, 0, 0);
  XSetSelectionOwner(dpy, a_selection, source, CurrentTime);

  XWindowAttributes attrs;
  XGetWindowAttributes(dpy, target, &attrs);
  int x, y;
  Window child;
  XTranslateCoordinates(dpy, target, root, attrs.width / 2, attrs.height / 2, &x, &y, &child);

  send(dpy, target, a_enter, (long)source, 5L << 24, (long)a_urilist, None, None);
  send(dpy, target, a_position, (long)source, 0, ((long)x << 16) | (y & 0xffff), CurrentTime,
       (long)a_copy);

  int accepted = -1, finished = 0, dropped = 0;
  XEvent ev;
  while (!finished && next_event(dpy, &ev, 10000)) {
    if (ev.type == ClientMessage && ev.xclient.message_type == a_status) {
      accepted = ev.xclient.data.l[1] & 1;
      if (!accepted) break;
      if (!dropped) {
        send(dpy, target, a_drop, (long)source, 0, CurrentTime, 0, 0);
        dropped = 1;
      }
    } else if (ev.type == ClientMessage && ev.xclient.message_type == a_finished) {
      finished = 1;
    } else if (ev.type == SelectionRequest) {
      XSelectionRequestEvent *req = &ev.xselectionrequest;
      XEvent reply;
      memset(&reply, 0, sizeof reply);
      reply.xselection.type = SelectionNotify;
      reply.xselection.requestor = req->requestor;
      reply.xselection.selection = req->selection;
      reply.xselection.target = req->target;
      reply.xselection.time = req->time;
      reply.xselection.property = None;
      if (req->target == a_urilist) {
        Atom prop = req->property != None ? req->property : req->target;
        XChangeProperty(dpy, req->requestor, prop, a_urilist, 8, PropModeReplace,
                        (unsigned char *)list, (int)strlen(list));
        reply.xselection.property = prop;
      }
      XSendEvent(dpy, req->requestor, False, NoEventMask, &reply);
      XFlush(dpy);
    }
  }
  if (!finished && !dropped) send(dpy, target, a_leave, (long)source, 0, 0, 0, 0);
  XSync(dpy, False);
  XDestroyWindow(dpy, source);
  XCloseDisplay(dpy);
  free(list);
  if (finished) return 0;
  fprintf(stderr, "x11-drop: %s\n",
          accepted == 0 ? "the target refused the drop" : "no answer from the target in time");
  return 3;
}
