// The React page (quiltt-embed-react) driven through the sandbox Connector's real UI.
import { frameworkPageTests } from './framework-pages'

frameworkPageTests('/react.html')
