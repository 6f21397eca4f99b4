// The Vue page (quiltt-embed-vue) driven through the sandbox Connector's real UI.
import { frameworkPageTests } from './framework-pages'

frameworkPageTests('/vue.html')
