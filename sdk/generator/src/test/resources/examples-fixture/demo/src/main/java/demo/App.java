package demo;

class App {
    void stack() {
        // docs:begin ivs:index:Channel
        var channel = new Channel("main");
        // docs:end ivs:index:Channel
    }
}
